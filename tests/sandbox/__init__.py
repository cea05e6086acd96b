"""Tests of the local HubSpot sandbox."""
