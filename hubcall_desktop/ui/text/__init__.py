"""Text on screen: translations, the Qt-free code's messages in the UI language, how calls read."""
