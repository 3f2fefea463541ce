"""How the reports write a number: thousands separators, and words for what is not finite."""
from __future__ import annotations

import math


def format_number(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if math.isnan(x):
        return "?"
    if float(x).is_integer() and abs(x) < 1e18:
        return f"{int(x):,}"
    return f"{x:,.6g}"
