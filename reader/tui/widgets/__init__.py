"""One widget per module, named after its class."""
