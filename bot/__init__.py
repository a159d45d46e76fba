"""Handelwijzer: a Dutch assistant on who may do which care task."""
