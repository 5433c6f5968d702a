"""Hypothesis runs the same examples on every machine unless asked to explore: a property test that fails in CI
fails for everyone, and `pytest --hypothesis-profile=explore` searches afresh."""

from hypothesis import settings

settings.register_profile("default", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, max_examples=1000)
settings.load_profile("default")
