"""Dutch language processing: which spaCy pipeline the NLU model uses."""
