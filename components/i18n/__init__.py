"""The interface's languages: which there are, the current one, its catalog, and names, dates and numbers
written as its readers write them. The bottom layer: every other layer may use it, it uses none."""
