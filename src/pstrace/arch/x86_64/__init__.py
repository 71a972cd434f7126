"""x86_64 package."""
