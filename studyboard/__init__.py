"""Study Board (学习看板): close reading of Chinese policy texts.

The package holds all logic; the Streamlit pages only lay out what its
functions return. Importing it is cheap: jieba is loaded only when a dataset
has to be built.
"""

__version__ = "0.1.0"
