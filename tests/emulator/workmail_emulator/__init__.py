"""In-memory Amazon WorkMail emulator (a moto extension)."""
