"""Printing and export: plain table documents rendered with reportlab (pdf/) or openpyxl (xlsx/).

Documents see DTOs and `lorch_desk.domain.tables`, never the ORM, and never Qt.
"""
