"""Building blocks of the sample log generator (scripts/generate_sample_logs.py)."""
