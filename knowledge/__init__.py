"""The rules: pure, deterministic, cited (imports nothing else of rothbot).

Public entry points (see ARCHITECTURE.md): ``knowledge.facts.Facts``,
``knowledge.engine.calculate``, ``knowledge.params.param``, ``knowledge.citations.cite``.
Year-stamped figures live in ``knowledge/data``; unsettled points in ``knowledge/notes``.
"""
