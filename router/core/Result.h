#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

// Why an operation of the router or the app layer did not happen. The kind decides the CLI's
// exit code, how the UI presents it and which answer a client gets; the message is a sentence
// for a person.
enum class FailureKind {
    InvalidInput, // the caller's input is wrong (a request, a key's settings); nothing was changed
    NotFound, // the named key, token, member or workspace does not exist
    Conflict, // the change contradicts what is stored (duplicate label, still in use)
    Database, // SQLite refused: locked, unreadable, damaged, from a newer version
    Keychain, // the OS keychain is missing, locked or refused
    // The input is valid, but the upstream or the translation to it cannot express it (an
    // image to a text-only format, embeddings to a chat-only provider): another key may serve.
    Unsupported,
    Network, // a socket could not be opened, or a network peer's answer could not be used
};

struct Failure
{
    FailureKind kind;
    QString message;
    // The input the failure is about ("label", "base_url", a provider setting), when it is one:
    // a form shows the message beside that field.
    QString field = {};
};

inline Failure aboutField(Failure failure, QString field)
{
    failure.field = std::move(field);
    return failure;
}

// A value or the reason there is none. Small on purpose: std::expected arrives with C++23.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    { }
    Result(Failure failure)
        : m_state(std::move(failure))
    { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    // By value on a temporary, so `for (auto& x : *store.keys())` does not dangle.
    T operator*() && { return std::move(value()); }

    const Failure& failure() const { return std::get<Failure>(m_state); }

private:
    std::variant<T, Failure> m_state;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Failure failure)
        : m_failure(std::move(failure))
    { }

    bool ok() const { return !m_failure.has_value(); }
    explicit operator bool() const { return ok(); }
    const Failure& failure() const { return *m_failure; }

private:
    std::optional<Failure> m_failure;
};

inline Failure invalidInput(QString message)
{
    return { FailureKind::InvalidInput, std::move(message) };
}

inline Failure notFound(QString message)
{
    return { FailureKind::NotFound, std::move(message) };
}

inline Failure conflict(QString message)
{
    return { FailureKind::Conflict, std::move(message) };
}

inline Failure unsupported(QString message)
{
    return { FailureKind::Unsupported, std::move(message) };
}

inline Failure networkFailure(QString message)
{
    return { FailureKind::Network, std::move(message) };
}

// A name the caller gave that does not exist is a mistake in the input, not a missing record.
inline Failure asInputFailure(const Failure& failure)
{
    return failure.kind == FailureKind::NotFound ? invalidInput(failure.message) : failure;
}
