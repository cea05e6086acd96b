"""The Qt user interface: thin views over models and signals."""
