
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "Entity": [
      "Agreement",
      "Alliance",
      "Application",
      "Commitment",
      "Country",
      "Event",
      "Facility",
      "Material",
      "Measure",
      "Organization",
      "Person",
      "Source",
      "Statement"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "Entity": [
      "Agreement",
      "Alliance",
      "Application",
      "Commitment",
      "Country",
      "Event",
      "Facility",
      "Material",
      "Measure",
      "Organization",
      "Person",
      "Source",
      "Statement"
    ]
  }
};
      export default result;
    