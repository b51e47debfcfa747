"""lambda-timeout-check as a plain Python rule, for the cold-start comparison (bench only, not shipped).

The same work as the C# rule function on one change notification: read the invocation from the Lambda Runtime
API, judge the function's timeout against maxTimeout (300 s by default), post the evaluation with a SigV4-signed
Config PutEvaluations, answer the invocation. Python 3 standard library only, as a zip function with no layers
would run it; the loop is the Runtime API's own protocol (no awslambdaric).
"""
import datetime
import hashlib
import hmac
import json
import os
import urllib.parse
import urllib.request


def sign(key, text):
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest()


def put_evaluations(evaluations, result_token):
    endpoint = os.environ.get("AWS_ENDPOINT_URL_CONFIG_SERVICE") or os.environ.get("AWS_ENDPOINT_URL")
    region = os.environ["AWS_REGION"]
    if not endpoint:
        endpoint = f"https://config.{region}.amazonaws.com"
    url = urllib.parse.urlsplit(endpoint)
    body = json.dumps({"Evaluations": evaluations, "ResultToken": result_token}).encode("utf-8")
    now = datetime.datetime.now(datetime.timezone.utc)
    amz_date, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    headers = {
        "content-type": "application/x-amz-json-1.1",
        "host": url.netloc,
        "x-amz-date": amz_date,
        "x-amz-target": "StarlingDoveService.PutEvaluations",
    }
    token = os.environ.get("AWS_SESSION_TOKEN")
    if token:
        headers["x-amz-security-token"] = token
    names = sorted(headers)
    canonical = "\n".join([
        "POST", "/", "",
        "".join(f"{name}:{headers[name].strip()}\n" for name in names),
        ";".join(names),
        hashlib.sha256(body).hexdigest(),
    ])
    scope = f"{day}/{region}/config/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode("utf-8")).hexdigest()])
    key = sign(sign(sign(sign(("AWS4" + os.environ["AWS_SECRET_ACCESS_KEY"]).encode("utf-8"), day), region), "config"), "aws4_request")
    headers["authorization"] = (
        f"AWS4-HMAC-SHA256 Credential={os.environ['AWS_ACCESS_KEY_ID']}/{scope}, "
        f"SignedHeaders={';'.join(names)}, Signature={hmac.new(key, to_sign.encode('utf-8'), hashlib.sha256).hexdigest()}")
    request = urllib.request.Request(f"{url.scheme}://{url.netloc}/", data=body, headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"{}")


def evaluate(event):
    parameters = json.loads(event.get("ruleParameters") or "{}")
    max_timeout = int(parameters.get("maxTimeout") or 300)
    item = json.loads(event["invokingEvent"])["configurationItem"]
    timeout = int(item["configuration"].get("timeout", 3))
    compliant = timeout <= max_timeout
    annotation = (f"Timeout {timeout} s is within 1-{max_timeout} s." if compliant
                  else f"Timeout {timeout} s exceeds the maximum of {max_timeout} s.")
    evaluation = {
        "ComplianceResourceType": item["resourceType"],
        "ComplianceResourceId": item["resourceId"],
        "ComplianceType": "COMPLIANT" if compliant else "NON_COMPLIANT",
        "Annotation": annotation,
        "OrderingTimestamp": datetime.datetime.fromisoformat(item["configurationItemCaptureTime"].replace("Z", "+00:00")).timestamp(),
    }
    put_evaluations([evaluation], event["resultToken"])
    return {"evaluations": 1}


def main():
    api = f"http://{os.environ['AWS_LAMBDA_RUNTIME_API']}/2018-06-01/runtime/invocation"
    while True:
        with urllib.request.urlopen(f"{api}/next") as response:
            request_id = response.headers["Lambda-Runtime-Aws-Request-Id"]
            event = json.loads(response.read())
        try:
            answer, path = json.dumps(evaluate(event)).encode("utf-8"), f"{api}/{request_id}/response"
        except Exception as error:  # the Runtime API wants every failure reported, then the next invocation
            answer = json.dumps({"errorType": type(error).__name__, "errorMessage": str(error)}).encode("utf-8")
            path = f"{api}/{request_id}/error"
        urllib.request.urlopen(urllib.request.Request(path, data=answer, method="POST")).close()


if __name__ == "__main__":
    main()
