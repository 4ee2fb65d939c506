"""Settings for uploads (imported at the end of base.py; read only the environment)."""
