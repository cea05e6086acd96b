"""Small reusable widgets: status picker, caller matches, validated phone field."""
