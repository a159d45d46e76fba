"""The care-rules knowledge base: YAML source of truth, database, rule logic, answers."""
