# Sourced by bin/demo and bin/build-spark (with .venv on PATH): sets RAW_PAYLOAD_PATH to the
# user's glob, or else to the bundled sample, generating SAMPLE_LINES lines (default 20000)
# into data/sample/ the first time.
if [ -z "${RAW_PAYLOAD_PATH:-}" ]; then
    RAW_PAYLOAD_PATH="data/sample/*.jsonl*"
    if ! compgen -G "$RAW_PAYLOAD_PATH" > /dev/null; then
        python scripts/generate_sample_logs.py --out data/sample --lines "${SAMPLE_LINES:-20000}"
    fi
fi
export RAW_PAYLOAD_PATH

# The dbt --vars argument for RAW_PAYLOAD_PATH, written as JSON so that a quote in the glob is
# just a character and cannot rewrite other vars.
raw_payload_vars() {
    python -c 'import json, os; print(json.dumps({"raw_payload_path": os.environ["RAW_PAYLOAD_PATH"]}))'
}
