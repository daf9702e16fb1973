#pragma once

#include "router/providers/KeyProbe.h"

#include <QMetaType>
#include <QString>

// What a live check of a provider key found (KeyTester).
struct KeyTestResult
{
    KeyProbe::Verdict verdict = KeyProbe::Verdict::Failed;
    int httpStatus = 0; // 0: no answer
    qint64 latencyMs = 0;
    QString detail; // the provider's own words, or what went wrong on the way

    bool works() const { return verdict == KeyProbe::Verdict::Works; }
    // One sentence for people: "Works: the provider accepted the key (HTTP 200, 312 ms)."
    QString summary() const;
};

Q_DECLARE_METATYPE(KeyTestResult)
