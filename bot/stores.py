"""Where conversations are kept: Rasa's SQL tracker store, configured by one
URL (`HANDELWIJZER_TRACKER_URL`; an SQLite file by default, PostgreSQL by
URL), with personal data masked once more before an event is written."""
from __future__ import annotations

import json
from typing import Any, Optional, Text

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import make_url

from bot.privacy import mask
from bot.settings import tracker_url


def _mask_event(data: dict) -> dict:
    if data.get("event") == "user" and isinstance(data.get("text"), str):
        masked = mask(data["text"])
        if masked.changed:
            data = dict(data, text=masked.text)
            if isinstance(data.get("parse_data"), dict):
                data["parse_data"] = dict(data["parse_data"], text=masked.text)
    return data


class TrackerStore(SQLTrackerStore):
    """SQLTrackerStore from a single SQLAlchemy URL."""

    def __init__(self, domain: Optional[Domain] = None, host: Optional[Text] = None, url: Optional[Text] = None,
                 event_broker: Optional[EventBroker] = None, **kwargs: Any) -> None:
        # Rasa passes the endpoint's `url` as `host`; a full SQLAlchemy URL there is used too.
        parsed = make_url(url or (host if host and "://" in host else None) or tracker_url())
        dialect = parsed.drivername.split("+")[0]
        super().__init__(
            domain=domain,
            dialect=dialect,
            host=parsed.host,
            port=parsed.port,
            db=parsed.database or "",
            username=parsed.username,
            password=parsed.password,
            event_broker=event_broker,
            **kwargs,
        )

    async def save(self, tracker: DialogueStateTracker) -> None:
        """As SQLTrackerStore.save, with user text masked before it is written."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            for event in self._additional_events(session, tracker):
                data = _mask_event(event.as_dict())
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=(data.get("parse_data") or {}).get("intent", {}).get("name"),
                        action_name=data.get("name"),
                        data=json.dumps(data),
                    )
                )
            session.commit()
