#pragma once

#include "router/codecs/SseParser.h"
#include "router/translate/StreamTranslator.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

// A stream translator for upstreams that stream server-sent events (OpenAI's and Anthropic's
// formats): it cuts the bytes into events and hands each to take() until the answer ended or
// failed; events too large to keep or not JSON are counted as malformed.
class SseStreamTranslator : public StreamTranslator
{
public:
    void feed(QByteArrayView upstreamBytes) final
    {
        for (const SseParser::Event& event : m_parser.feed(upstreamBytes)) {
            if (m_finished || m_upstreamError)
                return;
            take(event);
        }
        if (m_parser.overflowed())
            ++m_malformedEvents;
    }

protected:
    virtual void take(const SseParser::Event& event) = 0;

    // The event's data as a JSON object, or nothing (counted) when it is not one.
    std::optional<QJsonObject> jsonOf(const SseParser::Event& event)
    {
        QJsonParseError parseError {};
        const QJsonObject data = QJsonDocument::fromJson(event.data, &parseError).object();
        if (parseError.error != QJsonParseError::NoError || data.isEmpty()) {
            ++m_malformedEvents;
            return std::nullopt;
        }
        return data;
    }

    // The event's data as a JSON object, or nothing when it is not one (counted as malformed)
    // or when it carries an "error" object, kept as the upstream's error: the way OpenAI's and
    // Gemini's streams report a failure mid-answer.
    std::optional<QJsonObject> chunkOf(const SseParser::Event& event)
    {
        std::optional<QJsonObject> chunk = jsonOf(event);
        if (!chunk)
            return std::nullopt;
        if (const QJsonValue error = chunk->value(QStringLiteral("error")); error.isObject()) {
            m_upstreamError = error.toObject();
            return std::nullopt;
        }
        return chunk;
    }

private:
    SseParser m_parser;
};
