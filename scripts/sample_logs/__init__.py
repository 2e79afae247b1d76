"""The sample log generator; scripts/generate_sample_logs.py is its command line.

driver (a run, expectations) -> plan (which line goes where) -> writer (one file) -> lines:
request_lines (exchanges in an envelope), feedback, bad_lines, oversize, redelivery. Exchanges
(exchanges) pair request_bodies with response_bodies, streams, traces and provider_shapes;
below them: envelope, times, catalogue, text, draws, encoding, tokens.
"""
