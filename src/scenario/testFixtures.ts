/** Scenario texts shared by the tests: the seed's php-apache example and small variations. */
export const SCENARIO_HEAD = `apiVersion: playground/v1alpha1
kind: Scenario
metadata: {name: php-apache}
spec:
  seed: 7
  duration: 20m
  region: ap-northeast-2
  nodeGroups:
    - {name: ng1, instanceType: t3.medium, minSize: 3, maxSize: 6, desiredCapacity: 3}
  load:
    - target: php-apache
      cpuPerRequest: 20m
  timeline:
    - {at: 1m, run: "kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10"}
    - {at: 2m, run: "kubectl run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c \\"while sleep 0.01; do wget -q -O- http://php-apache; done\\""}
`;

export const PHP_APACHE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  selector:
    matchLabels:
      run: php-apache
  template:
    metadata:
      labels:
        run: php-apache
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          limits:
            cpu: 500m
          requests:
            cpu: 200m
---
apiVersion: v1
kind: Service
metadata:
  name: php-apache
spec:
  ports:
  - port: 80
  selector:
    run: php-apache
`;

export const VALID = `${SCENARIO_HEAD}---\n${PHP_APACHE}`;

/** 1-based line of the first line containing `needle`, and the column where it starts. */
export function positionOf(text: string, needle: string, occurrence = 1): { line: number; col: number } {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const col = lines[i].indexOf(needle);
    if (col >= 0 && ++seen === occurrence) return { line: i + 1, col: col + 1 };
  }
  throw new Error(`"${needle}" not in text`);
}
