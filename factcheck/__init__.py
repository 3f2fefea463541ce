"""factcheck: cross-source fact-consistency checker for Korean news.

The library entry point is :func:`factcheck.pipeline.check`; it is re-exported
here lazily so that ``import factcheck`` stays cheap (no NLP model is loaded).
"""
__version__ = "0.1.0"


def check(*args, **kwargs):
    from .pipeline import check as _check

    return _check(*args, **kwargs)
