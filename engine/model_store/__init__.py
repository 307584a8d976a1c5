"""The model folder: the manifest and its checked files (``store``), versions inside a category
folder (``versions``), and changes after training: extend, rebuild, a threshold by hand, a
version learnt from confirmed defects (``updates``)."""
