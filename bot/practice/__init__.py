"""Oefenmodus for staff: practice cases and dilemmas with feedback from the
knowledge base (cases.py, generate.py, grading.py, session.py) and the
printable summary of a round for the team meeting (export.py)."""
