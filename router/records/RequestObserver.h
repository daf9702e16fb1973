#pragma once

#include "router/records/RequestRecord.h"

// Hears about every request the router handles, from the router's worker threads.
class RequestObserver
{
public:
    virtual ~RequestObserver() = default;

    virtual void noteRequestStarted(const RequestRecord& record) = 0;
    virtual void noteAttemptFinished(const AttemptRecord& attempt) = 0;
    virtual void noteRequestFinished(const RequestRecord& record) = 0;
};
