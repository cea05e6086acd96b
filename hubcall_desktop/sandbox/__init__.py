"""A local stand-in for HubSpot, for demo mode and tests. Not HubSpot.

It serves the inbound-call routes and account details on loopback, validates requests as
strictly as the contract says, answers from a seeded demo portal, enforces HubSpot's rate
limits, records what it received and injects faults on request.
"""

from hubcall_desktop.sandbox.faults import Fault, FaultKind, FaultPlan
from hubcall_desktop.sandbox.ratelimit import RatePolicy
from hubcall_desktop.sandbox.recording import Outcome, RecordedRequest
from hubcall_desktop.sandbox.seed import (
    DEMO_AGENT_NUMBER,
    DEMO_CALLERS,
    DEMO_TOKEN,
    SANDBOX_PORTAL_ID,
    DemoCaller,
)
from hubcall_desktop.sandbox.server import SandboxServer, run_standalone
from hubcall_desktop.sandbox.thread import SandboxThread

__all__ = [
    "DEMO_AGENT_NUMBER",
    "DEMO_CALLERS",
    "DEMO_TOKEN",
    "SANDBOX_PORTAL_ID",
    "DemoCaller",
    "Fault",
    "FaultKind",
    "FaultPlan",
    "Outcome",
    "RatePolicy",
    "RecordedRequest",
    "SandboxServer",
    "SandboxThread",
    "run_standalone",
]
