/** Messages of the sign-in flow, for the API answers that a person reads. */
export function authMessage(locale: string, key: "tooManyAttempts" | "tooManyFromAddress", retryAt: Date): string {
  const time = retryAt.toLocaleTimeString(locale === "en" ? "en-GB" : "zh-CN", {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone: "Asia/Shanghai",
  });
  if (key === "tooManyAttempts") {
    return locale === "en"
      ? `Too many failed sign-ins for this username. Try again after ${time}.`
      : `该用户名登录失败次数过多，请于 ${time} 之后再试。`;
  }
  if (key === "tooManyFromAddress") {
    return locale === "en"
      ? `Too many failed sign-ins from this network address. Try again after ${time}.`
      : `来自此网络地址的登录失败次数过多，请于 ${time} 之后再试。`;
  }
  return key;
}
