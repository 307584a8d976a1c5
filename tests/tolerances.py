"""How closely two float results of the same maths, reached by another route, must agree.

ONNX Runtime, BLAS and FAISS split their sums across threads; a one-thread session, a session
on every core, or the same session on a busy machine may add the same float32 terms in another
order. Such sums differ in about the seventh significant digit: 51.924243927 against
51.924251556 was seen for one score with another program keeping both cores busy (a relative
difference of 1.5e-7). ``SAME_SUMS`` allows about a hundred times that. It is still far below
anything the tests look for: a defect, a threshold or another model moves a score by percents.
"""

SAME_SUMS = 1e-5
"""Relative tolerance for scores or maps computed twice from the same inputs and model."""
