"""Dates and numbers as each language's readers write them (settings.FORMAT_MODULE_PATH).

Django's own format modules fill in whatever a module here leaves out; German and Spanish
need nothing changed ("5. Dezember 2026", "5 de diciembre de 2026").
"""
