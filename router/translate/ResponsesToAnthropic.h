#pragma once

#include "router/core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// An OpenAI Responses request (POST /v1/responses, what Codex CLI speaks) as an Anthropic
// Messages request, and the answer back: instructions and developer messages, turns (merged
// where Anthropic needs roles to alternate), images, function and freeform tools, namespaces,
// tool calls and their outputs, reasoning effort, usage. What the Messages API cannot express is
// left out and named in droppedFields (hosted tools, encrypted reasoning, text.format...); what
// it cannot carry refuses the request with a reason.
//
// Tool names travel without state, so that the answer and its stream can be read back without
// the request. A namespace member is offered as "<namespace>__<name>" (Codex's and Claude Code's
// own convention, "mcp__server__tool"), and read back by splitting at the last "__". Namespaces
// may hold "__" ("mcp__github"), so what keeps the split sound is the tool names: a member whose
// name holds "__" or begins with "_", or a tool outside a namespace whose name holds "__", would
// come back wrong and is withdrawn from the offer (recorded). A freeform (custom) tool keeps its
// name, which the client's instructions use, and takes one string property, customInputKey; a
// call whose input is that property alone is read back as a custom_tool_call. A function tool
// with that property is withdrawn for the same reason.
class ResponsesToAnthropic
{
public:
    static constexpr QLatin1StringView namespaceSeparator { "__" };
    static constexpr QLatin1StringView customInputKey { "freeform_input" };

    struct Request
    {
        QJsonObject body; // without model and stream: the adapter sets them
        QStringList droppedFields;
    };

    // A tool's name and namespace as the Responses API keeps them apart.
    struct ToolName
    {
        QString name;
        QString nameSpace; // empty outside a namespace
    };

    // Fails (Unsupported) when the request holds what the Messages API cannot carry, or asks
    // for state Keyway does not keep (previous_response_id, conversation).
    static Result<Request> request(const QJsonObject& responses);
    // A whole Anthropic message as a Responses response object; nothing when it cannot be read.
    static std::optional<QByteArray> answer(const QByteArray& anthropicBody, const QString& model);
    // An Anthropic error answer in the Responses API's shape, which is chat completions' own
    // ({"error":{"message","type","code"}}, before any stream starts): OpenAiToAnthropic's.
    static QByteArray error(const QByteArray& anthropicBody);

    // The Anthropic tool name of a Responses tool, and back.
    static QString anthropicToolName(const ToolName& tool);
    static ToolName responsesToolName(const QString& anthropicName);
    // An Anthropic tool_use block as a Responses output item: a function_call with its
    // arguments as a JSON string, or a custom_tool_call with its raw input.
    static QJsonObject toolCallItem(const QJsonObject& toolUse);
    // Why a response whose Anthropic stop_reason this is stopped short ("max_output_tokens",
    // "content_filter"): its incomplete_details.reason; empty for a whole answer.
    static QString incompleteReason(const QString& stopReason);
    // The thinking budget for a Responses reasoning effort; 0 for none (none, minimal, unknown).
    static int thinkingBudget(const QString& effort);
};
