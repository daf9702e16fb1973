#pragma once

#include "router/routing/KeyHealth.h"

#include <QDateTime>
#include <QHash>

// What the running router has learnt about a key, for the window: its state and, for a state
// that ends by itself, when (on the wall clock, so a view can count down).
struct KeyStatus
{
    KeyHealth::State state = KeyHealth::State::Ready;
    QDateTime until; // null when the state does not end by itself

    friend bool operator==(const KeyStatus&, const KeyStatus&) = default;
};

using KeyStatuses = QHash<qint64, KeyStatus>; // by key id; a key not in it is ready
