"""Makes the helpers of tests/nlu (eval_texts) importable from its test modules."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
