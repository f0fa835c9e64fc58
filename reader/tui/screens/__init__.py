"""One screen per module, named after its class."""
