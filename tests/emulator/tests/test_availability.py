"""Availability configurations: create, update, list, delete and test, with EWS and Lambda providers."""

import io
import json
import zipfile

import boto3
import pytest

import workmail_emulator
from workmail_emulator.call_log import REDACTED
from support import all_pages, raises_code, without_retries

EWS = {"EwsEndpoint": "https://127.0.0.1:8443/EWS/Exchange.asmx", "EwsUsername": "freebusy@example.com", "EwsPassword": "S3cret-ews!"}
REMOTE_EWS = {**EWS, "EwsEndpoint": "https://mail.example.com/EWS/Exchange.asmx"}
LAMBDA_ARN = "arn:aws:lambda:us-east-1:123456789012:function:freebusy"


def configurations(client, org_id):
    return [{key: value for key, value in item.items() if not key.startswith("Date")}
            for item in all_pages(client.list_availability_configurations, "AvailabilityConfigurations", OrganizationId=org_id)]


def lambda_function(name="freebusy", condition=True, principal="workmail.amazonaws.com", org_arn=None):
    """Create a function in moto's Lambda, with a permission for ``principal`` (conditioned on the source when
    ``condition``), and return its ARN."""
    iam = boto3.client("iam", region_name="us-east-1")
    role = iam.create_role(RoleName=f"{name}-role", AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("handler.py", "def handler(event, context):\n    return {}\n")
    function = boto3.client("lambda", region_name="us-east-1")
    arn = function.create_function(FunctionName=name, Runtime="python3.12", Role=role, Handler="handler.handler",
                                   Code={"ZipFile": code.getvalue()})["FunctionArn"]
    if principal:
        extra = {"SourceAccount": "123456789012", "SourceArn": org_arn} if condition else {}
        function.add_permission(FunctionName=name, StatementId="workmail", Action="lambda:InvokeFunction", Principal=principal,
                                **{key: value for key, value in extra.items() if value})
    return arn


def test_create_list_update_delete(workmail_client, workmail_org):
    assert configurations(workmail_client, workmail_org) == []
    workmail_client.create_availability_configuration(OrganizationId=workmail_org, DomainName="Partner.Example.COM", EwsProvider=EWS)
    workmail_client.create_availability_configuration(OrganizationId=workmail_org, DomainName="lambda.example.net",
                                                      LambdaProvider={"LambdaArn": LAMBDA_ARN})
    assert configurations(workmail_client, workmail_org) == [
        {"DomainName": "partner.example.com", "ProviderType": "EWS",
         "EwsProvider": {"EwsEndpoint": EWS["EwsEndpoint"], "EwsUsername": EWS["EwsUsername"]}},
        {"DomainName": "lambda.example.net", "ProviderType": "LAMBDA", "LambdaProvider": {"LambdaArn": LAMBDA_ARN}},
    ]
    listed = workmail_client.list_availability_configurations(OrganizationId=workmail_org)
    assert "S3cret-ews!" not in json.dumps(listed, default=str)
    created = listed["AvailabilityConfigurations"][0]
    assert created["DateCreated"] == created["DateModified"]

    workmail_emulator.advance_clock(60)
    workmail_client.update_availability_configuration(OrganizationId=workmail_org, DomainName="PARTNER.example.com",
                                                      LambdaProvider={"LambdaArn": LAMBDA_ARN + ":live"})
    workmail_client.update_availability_configuration(OrganizationId=workmail_org, DomainName="lambda.example.net", EwsProvider=REMOTE_EWS)
    assert configurations(workmail_client, workmail_org) == [
        {"DomainName": "partner.example.com", "ProviderType": "LAMBDA", "LambdaProvider": {"LambdaArn": LAMBDA_ARN + ":live"}},
        {"DomainName": "lambda.example.net", "ProviderType": "EWS",
         "EwsProvider": {"EwsEndpoint": REMOTE_EWS["EwsEndpoint"], "EwsUsername": REMOTE_EWS["EwsUsername"]}},
    ]
    updated = workmail_client.list_availability_configurations(OrganizationId=workmail_org)["AvailabilityConfigurations"][0]
    assert updated["DateCreated"] == created["DateCreated"] and (updated["DateModified"] - updated["DateCreated"]).total_seconds() >= 60

    workmail_client.delete_availability_configuration(OrganizationId=workmail_org, DomainName="Partner.example.com")
    workmail_client.delete_availability_configuration(OrganizationId=workmail_org, DomainName="never.example.com")
    assert [item["DomainName"] for item in configurations(workmail_client, workmail_org)] == ["lambda.example.net"]


def test_pagination(workmail_client, workmail_org):
    for index in range(5):
        workmail_client.create_availability_configuration(OrganizationId=workmail_org, DomainName=f"d{index}.example.com", EwsProvider=EWS)
    first = workmail_client.list_availability_configurations(OrganizationId=workmail_org, MaxResults=2)
    assert len(first["AvailabilityConfigurations"]) == 2 and first["NextToken"]
    paginator = workmail_client.get_paginator("list_availability_configurations")
    pages = paginator.paginate(OrganizationId=workmail_org, PaginationConfig={"PageSize": 2})
    assert [item["DomainName"] for page in pages for item in page["AvailabilityConfigurations"]] == [f"d{i}.example.com" for i in range(5)]
    with raises_code("InvalidParameterException", match="'maxResults'"):
        workmail_client.list_availability_configurations(OrganizationId=workmail_org, MaxResults=101)


def test_errors(workmail_client, workmail_org):
    client = without_retries(workmail_client)
    create = workmail_client.create_availability_configuration
    with raises_code("InvalidParameterException", match="exactly one provider"):
        create(OrganizationId=workmail_org, DomainName="example.com")
    with raises_code("InvalidParameterException", match="exactly one provider"):
        create(OrganizationId=workmail_org, DomainName="example.com", EwsProvider=EWS, LambdaProvider={"LambdaArn": LAMBDA_ARN})
    with raises_code("InvalidParameterException", match="'lambdaProvider.lambdaArn'"):
        create(OrganizationId=workmail_org, DomainName="example.com", LambdaProvider={"LambdaArn": LAMBDA_ARN.replace("us-east-1", "us-gov-west-1")})
    with raises_code("InvalidParameterException", match="'ewsProvider.ewsEndpoint'"):
        create(OrganizationId=workmail_org, DomainName="example.com", EwsProvider={**EWS, "EwsEndpoint": "ftp://mail.example.com/"})
    with raises_code("InvalidParameterException", match="'domainName'"):
        create(OrganizationId=workmail_org, DomainName="bad domain", EwsProvider=EWS)
    create(OrganizationId=workmail_org, DomainName="example.com", EwsProvider=EWS)
    with raises_code("NameAvailabilityException", match="example.com"):
        create(OrganizationId=workmail_org, DomainName="EXAMPLE.com", LambdaProvider={"LambdaArn": LAMBDA_ARN})
    with raises_code("ResourceNotFoundException", match="other.example.com"):
        workmail_client.update_availability_configuration(OrganizationId=workmail_org, DomainName="other.example.com", EwsProvider=EWS)
    with raises_code("InvalidParameterException", match="exactly one provider"):
        workmail_client.update_availability_configuration(OrganizationId=workmail_org, DomainName="example.com")
    workmail_emulator.configure(max_availability_configurations=1)
    with raises_code("LimitExceededException"):
        client.create_availability_configuration(OrganizationId=workmail_org, DomainName="second.example.com", EwsProvider=EWS)


def test_client_token_replays_the_create(workmail_client, workmail_org):
    create = workmail_client.create_availability_configuration
    create(OrganizationId=workmail_org, DomainName="example.com", EwsProvider=EWS, ClientToken="create-example")
    create(OrganizationId=workmail_org, DomainName="example.com", EwsProvider=EWS, ClientToken="create-example")
    assert len(configurations(workmail_client, workmail_org)) == 1
    with raises_code("InvalidParameterException", match="ClientToken"):
        create(OrganizationId=workmail_org, DomainName="other.example.com", EwsProvider=EWS, ClientToken="create-example")


@pytest.mark.parametrize("operation, params", [
    ("create_availability_configuration", {"DomainName": "example.com", "EwsProvider": EWS}),
    ("update_availability_configuration", {"DomainName": "example.com", "EwsProvider": EWS}),
    ("delete_availability_configuration", {"DomainName": "example.com"}),
    ("list_availability_configurations", {}),
    ("test_availability_configuration", {"DomainName": "example.com"}),
])
def test_organization_errors(workmail_client, operation, params):
    with raises_code("OrganizationNotFoundException"):
        getattr(workmail_client, operation)(OrganizationId="m-" + "0" * 32, **params)
    workmail_emulator.configure(org_ready_delay=60)
    pending = workmail_client.create_organization(Alias="pending-org")["OrganizationId"]
    with raises_code("OrganizationStateException"):
        getattr(workmail_client, operation)(OrganizationId=pending, **params)


@pytest.mark.parametrize("endpoint, passed", [
    ("https://127.0.0.1:8443/EWS/Exchange.asmx", True),
    ("http://localhost/EWS/Exchange.asmx", True),
    ("http://127.9.9.9/ews", True),
    ("https://mail.example.com/EWS/Exchange.asmx", False),
    ("https://10.0.0.1/EWS/Exchange.asmx", False),
])
def test_ews_provider_passes_on_loopback_only(workmail_client, workmail_org, endpoint, passed):
    result = workmail_client.test_availability_configuration(OrganizationId=workmail_org, EwsProvider={**EWS, "EwsEndpoint": endpoint})
    assert result["TestPassed"] is passed
    if passed:
        assert "FailureReason" not in result
    else:
        assert result["FailureReason"] == f"Could not connect to the EWS endpoint {endpoint}"


def test_stored_configuration(workmail_client, workmail_org):
    workmail_client.create_availability_configuration(OrganizationId=workmail_org, DomainName="near.example.com", EwsProvider=EWS)
    workmail_client.create_availability_configuration(OrganizationId=workmail_org, DomainName="far.example.com", EwsProvider=REMOTE_EWS)
    test = workmail_client.test_availability_configuration
    assert test(OrganizationId=workmail_org, DomainName="NEAR.example.com")["TestPassed"] is True
    assert test(OrganizationId=workmail_org, DomainName="far.example.com")["TestPassed"] is False
    with raises_code("ResourceNotFoundException", match="none.example.com"):
        test(OrganizationId=workmail_org, DomainName="none.example.com")
    with raises_code("InvalidParameterException", match="either one provider definition"):
        test(OrganizationId=workmail_org)
    with raises_code("InvalidParameterException", match="either one provider definition"):
        test(OrganizationId=workmail_org, DomainName="near.example.com", EwsProvider=EWS)
    with raises_code("InvalidParameterException", match="either one provider definition"):
        test(OrganizationId=workmail_org, EwsProvider=EWS, LambdaProvider={"LambdaArn": LAMBDA_ARN})


def test_lambda_provider(workmail_client, workmail_org):
    org_arn = workmail_client.describe_organization(OrganizationId=workmail_org)["ARN"]
    test = workmail_client.test_availability_configuration
    result = test(OrganizationId=workmail_org, LambdaProvider={"LambdaArn": LAMBDA_ARN})
    assert result == {"TestPassed": False, "FailureReason": f"The Lambda function {LAMBDA_ARN} does not exist",
                      "ResponseMetadata": result["ResponseMetadata"]}
    guarded = lambda_function("guarded", org_arn=org_arn)
    assert test(OrganizationId=workmail_org, LambdaProvider={"LambdaArn": guarded})["TestPassed"] is True
    workmail_client.create_availability_configuration(OrganizationId=workmail_org, DomainName="example.com", LambdaProvider={"LambdaArn": guarded})
    assert test(OrganizationId=workmail_org, DomainName="example.com")["TestPassed"] is True
    anonymous = lambda_function("anonymous", condition=False)
    result = test(OrganizationId=workmail_org, LambdaProvider={"LambdaArn": anonymous})
    assert result["TestPassed"] is False and "allows anonymous invocations" in result["FailureReason"]
    closed = lambda_function("closed", principal=None)
    result = test(OrganizationId=workmail_org, LambdaProvider={"LambdaArn": closed})
    assert result["TestPassed"] is False and "does not allow workmail.amazonaws.com" in result["FailureReason"]
    other = lambda_function("other", principal="s3.amazonaws.com")
    assert test(OrganizationId=workmail_org, LambdaProvider={"LambdaArn": other})["TestPassed"] is False


def test_the_call_log_redacts_the_ews_password(workmail_client, workmail_org):
    workmail_client.create_availability_configuration(OrganizationId=workmail_org, DomainName="example.com", EwsProvider=EWS)
    workmail_client.update_availability_configuration(OrganizationId=workmail_org, DomainName="example.com",
                                                      EwsProvider={**EWS, "EwsPassword": "N3w-ews-secret"})
    workmail_client.test_availability_configuration(OrganizationId=workmail_org, EwsProvider={**EWS, "EwsPassword": "Te5t-only"})
    log = {call["operation"]: call for call in workmail_emulator.calls()}
    assert log["CreateAvailabilityConfiguration"]["request"]["EwsProvider"] == {**EWS, "EwsPassword": REDACTED}
    assert log["UpdateAvailabilityConfiguration"]["request"]["EwsProvider"]["EwsPassword"] == REDACTED
    dumped = json.dumps(workmail_emulator.calls(), default=str)
    for secret in ("S3cret-ews!", "N3w-ews-secret", "Te5t-only"):
        assert secret not in dumped
