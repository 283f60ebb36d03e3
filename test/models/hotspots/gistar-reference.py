import math
# 4 x 3 grid, cell size 100 m, counts by row (row 0 at the bottom), distance 150 m
counts = [[0,1,2,0],[3,9,4,1],[0,2,1,0]]
cells = [(c,r,counts[r][c]) for r in range(3) for c in range(4)]
n = len(cells)
x = [v for _,_,v in cells]
xbar = sum(x)/n
S = math.sqrt(sum(v*v for v in x)/n - xbar**2)
out=[]
for (ci,ri,_) in cells:
    w = [1.0 if math.hypot((ci-cj)*100,(ri-rj)*100) <= 150 else 0.0 for (cj,rj,_) in cells]
    W = sum(w); W2 = sum(v*v for v in w)
    num = sum(wj*xj for wj,xj in zip(w,x)) - xbar*W
    den = S*math.sqrt((n*W2 - W*W)/(n-1))
    z = num/den
    p = math.erfc(abs(z)/math.sqrt(2))
    out.append((z,p))
for z,p in out: print('%.10f %.10g' % (z,p))
# BH on a known list
ps=[0.01,0.04,0.03,0.005,0.2,0.5]
m=len(ps); order=sorted(range(m),key=lambda i:ps[i]); adj=[0]*m; run=1
for k in range(m-1,-1,-1):
    i=order[k]; run=min(run,ps[i]*m/(k+1)); adj[i]=run
print(adj)
