"""The full-screen app's screens, one per module."""
