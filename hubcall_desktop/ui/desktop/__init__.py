"""The desktop around the app: the tray icon, notifications, icons and other shipped files."""
