"""A package for the session 14 red team: helpers in a module without pragmas."""
