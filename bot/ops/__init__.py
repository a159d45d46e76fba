"""Running the assistant at scale (bot/ops/stack.py)."""
