"""Explanations of a verdict, each a small module with a typed result and no Qt:
regions (WHERE), cam and attribution (WHICH features), and later the surrogate (WHY this
number) and retrieval (WHAT it resembles)."""
