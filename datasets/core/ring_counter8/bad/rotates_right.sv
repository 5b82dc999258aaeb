module TopModule(input clk, input reset, input en, output reg [7:0] q);
  always @(posedge clk) begin
    if (reset)   q <= 8'b0000_0001;
    else if (en) q <= {q[0], q[7:1]};
  end
endmodule
