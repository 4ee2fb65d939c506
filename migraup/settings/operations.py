"""Settings for operations (imported at the end of base.py; read only the environment)."""
