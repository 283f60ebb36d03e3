# Independent reference for test/models/stats/*.test.ts: numpy IRLS written from scratch, scipy for tails.
import numpy as np, math
from scipy import stats
def bh(p):
    m=len(p); o=sorted(range(m),key=lambda i:p[i]); out=[0]*m; mn=1
    for r in range(m-1,-1,-1):
        i=o[r]; mn=min(mn,p[i]*m/(r+1)); out[i]=mn
    return out
print('BH', bh([0.01,0.04,0.03,0.2,0.001,0.5,0.049]))
def G(n1,n2,t1,t2):
    n=n1+n2; e1=n*t1/(t1+t2); e2=n*t2/(t1+t2)
    f=lambda k,e: k*math.log(k/e) if k>0 else 0
    return 2*(f(n1,e1)+f(n2,e2))
for (n1,n2,t1,t2,phi) in [(120,150,12,12,2.5),(719,948,12,12,3.1),(40,25,11,12,1.7)]:
    g=G(n1,n2,t1,t2); print('quasi',n1,n2,t1,t2,phi,repr(stats.chi2.sf(g/phi,1)))
# series: 36 months Jan 2021.., counts
counts=[52,47,55,61,58,66,70,64,59,57,50,49, 48,45,51,57,60,62,66,60,55,52,47,44, 44,41,49,52,55,58,61,57,50,49,44,40]
y=np.array(counts,float); n=len(y); t=np.arange(n)/12.0; moy=np.arange(n)%12
X=np.column_stack([np.ones(n),t]+[(moy==k).astype(float) for k in range(1,12)])
mu=np.full(n,y.mean())
for _ in range(100):
    eta=np.log(mu); z=eta+(y-mu)/mu; W=mu
    b=np.linalg.solve(X.T@(X*W[:,None]),X.T@(W*z)); mu=np.exp(X@b)
cov=np.linalg.inv(X.T@(X*mu[:,None])); df=n-X.shape[1]
phi=((y-mu)**2/mu).sum()/df; se=math.sqrt(cov[1,1]*max(phi,1))
print('trend slope',repr(b[1]),'phi',repr(phi),'df',df,'annual',repr(math.expm1(b[1])),'lo',repr(math.expm1(b[1]-1.959963984540054*se)),'hi',repr(math.expm1(b[1]+1.959963984540054*se)),'p',repr(2*stats.norm.sf(abs(b[1]/se))))
# trend only, 12 months with a gap (month 5 missing)
c2=[(0,10),(1,12),(2,9),(3,14),(5,13),(6,15),(7,11),(8,16),(9,18),(10,14),(11,17)]
y=np.array([c for _,c in c2],float); t=np.array([i for i,_ in c2])/12.0; X=np.column_stack([np.ones(len(y)),t]); mu=np.full(len(y),y.mean())
for _ in range(100):
    z=np.log(mu)+(y-mu)/mu; b=np.linalg.solve(X.T@(X*mu[:,None]),X.T@(mu*z)); mu=np.exp(X@b)
cov=np.linalg.inv(X.T@(X*mu[:,None])); phi=((y-mu)**2/mu).sum()/(len(y)-2); se=math.sqrt(cov[1,1]*max(phi,1))
print('trend2 slope',repr(b[1]),'phi',repr(phi),'annual',repr(math.expm1(b[1])),'lo',repr(math.expm1(b[1]-1.959963984540054*se)),'hi',repr(math.expm1(b[1]+1.959963984540054*se)))
counts=[30,62,41,75,38,80,52,90,35,70,44,58, 60,33,85,47,92,40,70,55,88,36,64,50, 72,45,95,52,99,48,81,60,97,41,77,66]
y=np.array(counts,float); n=len(y); t=np.arange(n)/12.0; moy=(np.arange(n)+3)%12  # series starts in April
X=np.column_stack([np.ones(n),t]+[(moy==k).astype(float) for k in range(1,12)])
mu=np.full(n,y.mean())
for _ in range(100):
    z=np.log(mu)+(y-mu)/mu; b=np.linalg.solve(X.T@(X*mu[:,None]),X.T@(mu*z)); mu=np.exp(X@b)
cov=np.linalg.inv(X.T@(X*mu[:,None])); df=n-X.shape[1]; phi=((y-mu)**2/mu).sum()/df; se=math.sqrt(cov[1,1]*max(phi,1))
print('trend3 slope',repr(b[1]),'phi',repr(phi),'df',df,'se',repr(se),'annual',repr(math.expm1(b[1])),'lo',repr(math.expm1(b[1]-1.959963984540054*se)),'hi',repr(math.expm1(b[1]+1.959963984540054*se)),'p',repr(2*stats.norm.sf(abs(b[1]/se))))
