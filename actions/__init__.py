"""Custom actions, grouped by capability. They are thin: read the question,
ask the knowledge layer (bot.kb), and send the rendered answer."""
