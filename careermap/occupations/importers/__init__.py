"""Pure parsers: one module per source, each turning files into plain rows.

Nothing here touches the database. Every error is an ImportFileError naming the file,
the line and the problem.
"""
