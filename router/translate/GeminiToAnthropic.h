#pragma once

#include "router/core/Result.h"
#include "router/records/RequestRecord.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// A Gemini API generateContent request (Gemini CLI's, Google's SDKs') as an Anthropic Messages
// request, and the Anthropic answer back as Gemini's GenerateContentResponse: the system
// instruction, turns (merged where Anthropic needs roles to alternate), images and PDFs, function
// declarations with their schemas in JSON Schema, function calls and responses paired by id,
// tool config, sampling, thinking and usage. Field names are read lowerCamel or snake_case, as
// Google reads them. What the Messages API cannot express is left out and named in
// droppedFields (thoughts and their signatures, Google's server tools, safety settings, JSON
// mode...); what it cannot carry refuses the request with a reason.
//
// Function call ids: a functionCall keeps the id it has; one without gets
// "call_<content>_<part>" (its place in the request's contents). A functionResponse takes the
// id of the call it answers among the calls of the latest model turn: the call with its own id,
// otherwise the first call of the same name not yet answered (Gemini's own pairing, by name and
// order); a response that matches no call keeps its id, and without one is refused. Ids are cut
// to the characters Anthropic allows (letters, digits, '_', '-'), the same way on both sides.
class GeminiToAnthropic
{
public:
    // Anthropic's least thinking budget: a smaller budget Gemini would take becomes this.
    static constexpr int minimumThinkingBudget = 1024;
    // Gemini's dynamic budget (-1, or thoughts asked for without a budget): the model decides
    // at Google, but Anthropic needs a number.
    static constexpr int dynamicThinkingBudget = 8192;

    struct Request
    {
        QJsonObject body; // without model: the adapter sets the upstream's id
        QStringList droppedFields;
    };

    // Fails (Unsupported) when the request holds what the Messages API cannot carry, and
    // (InvalidInput) when it is not a valid request.
    static Result<Request> request(const QJsonObject& gemini);
    // A whole Anthropic message as a GenerateContentResponse; nothing when it cannot be read.
    // Thinking comes back as thought parts only when the request asked for thoughts
    // (`includesThoughts`).
    static std::optional<QByteArray> answer(
        const QByteArray& anthropicBody, const QString& model, bool includeThoughts = true);
    // An Anthropic error answer in Google's shape, its code from the Anthropic error's type.
    static QByteArray error(const QByteArray& anthropicBody);

    // Whether the request asks for thought parts (generationConfig.thinkingConfig.includeThoughts).
    static bool includesThoughts(const QJsonObject& gemini);
    // The Anthropic thinking budget for Gemini's thinkingLevel: MINIMAL 1024, LOW 4096,
    // MEDIUM 8192, HIGH 16384, XHIGH 32768; any other level the dynamic budget.
    static int thinkingBudget(const QString& thinkingLevel);
    // "STOP", "MAX_TOKENS" or "SAFETY" for an Anthropic stop_reason: Gemini ends a turn that
    // calls functions with STOP too.
    static QString finishReason(const QString& stopReason);
    // Gemini's usageMetadata: the prompt counts its cached part, the candidates leave out the
    // thoughts, which are counted apart when known.
    static QJsonObject usageMetadata(const TokenUsage& usage);
    // The Gemini part of one Anthropic content block (text, thinking as a thought part when
    // thoughts are included, tool_use as a whole functionCall); an empty object for a block
    // Gemini has no part for (redacted thinking, server tools and their results).
    static QJsonObject part(const QJsonObject& block, bool includeThoughts);
};
