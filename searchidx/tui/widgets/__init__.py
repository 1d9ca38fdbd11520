"""The full-screen app's widgets, one per module."""
